export { scoreRfm, quintiles, segmentOf, DEFAULT_SEGMENT_RULES, type RfmInput, type RfmScore, type SegmentRule } from './rfm.ts';
export { rfmReport, type RfmReport } from './rfm.service.ts';
export { RfmQuery } from './rfm.schema.ts';
