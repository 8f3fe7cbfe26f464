/** A realistic ladder for "I can give a clear 10-minute talk", with a confidence per step. */
export const TALK_STEPS = [
  { title: "Explain my project to one colleague", confidence: 80 },
  { title: "Give a 5-minute update at stand-up", confidence: 60 },
  { title: "Present 5 minutes to my team with slides", confidence: 40 },
  { title: "Give a 10-minute talk at the department meeting", confidence: 20 },
  { title: "Give a 10-minute talk to 10+ people and take questions", confidence: 10 },
];

/** Contributions that credit a success to the person's own effort and strategy. */
export const OWN_DOING = { effort: 4, strategy: 3, ability: 2, luck: 0, help: 1, easy: 0 };
