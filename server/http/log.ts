// The server's log sink: lines written to stderr together once per turn of the event loop (one write under load,
// not one per request). Lines never carry query strings, bodies or message content.

export type Log = (line: string) => void;

export function batchedStderr(): Log {
  let pending: string[] = [];
  const flush = () => {
    const text = pending.join('\n');
    pending = [];
    process.stderr.write(`${text}\n`);
  };
  return (line) => {
    if (pending.push(line) === 1) setImmediate(flush);
  };
}
