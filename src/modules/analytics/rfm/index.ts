export { scoreRfm, quintiles, segmentOf, DEFAULT_SEGMENT_RULES, type RfmInput, type RfmScore, type SegmentRule } from './rfm.ts';
