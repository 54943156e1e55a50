// The packer's settings from the organisation's policy (documents.*), decided once for every host and the CLI.
import type { OrgPolicy } from '../config/policy';
import type { XdmPolicy } from './xdm-types';

export function xdmPolicyOf(documents: Partial<OrgPolicy['documents']> | undefined): XdmPolicy {
  const d = documents ?? {};
  return {
    ...(d.productReference ? { nil: d.productReference } : {}),
    ...(d.operatorSizeLimitMB ? { operatorLimitBytes: Math.round(d.operatorSizeLimitMB * 1024 * 1024) } : {}),
    ...(d.sourceId ? { sourceId: d.sourceId } : {}),
    ...(d.contentTypeCode ? { contentTypeCode: d.contentTypeCode } : {}),
    ...(d.readReceipt !== undefined ? { readReceipt: d.readReceipt } : {}),
  };
}
