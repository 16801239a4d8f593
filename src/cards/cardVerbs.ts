/** The one table of Adaptive Card verbs; cards and handlers both read their names from here. */
export const cardVerbs = {
  requestStart: 'request.start',
  myTrajectories: 'trajectories.mine',
  aboutSvib: 'svib.about',
} as const;

export type CardVerb = (typeof cardVerbs)[keyof typeof cardVerbs];
