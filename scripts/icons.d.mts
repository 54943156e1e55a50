// Types of scripts/icons.mjs (the one Vigie icon, drawn as PNG at any size), for the TypeScript build scripts.
export function iconPng(size: number): Buffer;
export function writeIcons(dir: string, sizes?: number[]): void;
