// RAG ratings. A RAG is always shown as a word and a shape as well as a colour, so it reads in
// greyscale print and for people who do not see colour (DOMAIN.md, Conventions).

export const RAG_VALUES = ['red', 'amber', 'green', 'blue'] as const;
export type Rag = (typeof RAG_VALUES)[number];

export type RagShape = 'square' | 'triangle' | 'circle' | 'star';

export const RAG_DISPLAY: Record<Rag, { label: string; letter: string; shape: RagShape }> = {
  red: { label: 'Red', letter: 'R', shape: 'square' },
  amber: { label: 'Amber', letter: 'A', shape: 'triangle' },
  green: { label: 'Green', letter: 'G', shape: 'circle' },
  blue: { label: 'Blue', letter: 'B', shape: 'star' },
};

/** What each rating means unless a plan sets its own meanings. */
export const DEFAULT_RAG_MEANINGS: Record<Rag, string> = {
  red: 'Off track: the action will miss its due date or is not having the impact needed without intervention.',
  amber: 'At risk: some slippage or concerns, recoverable within the plan with the lead’s attention.',
  green: 'On track: progressing as planned and due to be delivered on time.',
  blue: 'Complete: delivered, with evidence of impact signed off.',
};
