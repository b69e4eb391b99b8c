/**
 * DESIGN.md §5: in the advanced phase, a main question scored below 5/10 (or skipped) marks a
 * skill boundary. The engine counts boundaries to decide when an interview may end; the report
 * shows which questions they were, so both read this one number.
 */
export const BOUNDARY_BELOW = 5;
