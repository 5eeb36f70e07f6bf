// @registry/assistant: reads a report's text with rules and proposes persons and facts with line citations.
export {
  propose,
  matchProposals,
  proposalKeys,
  type KnownPerson,
  type Proposal,
  type ProposedName,
} from "./propose.ts";
export { readFacts, findCharges, findSentences, type Fact, type Lines } from "./facts.ts";
export { findDates, dateNear, type FoundDate } from "./dates.ts";
export { sentences, cleanLine, type Sentence } from "./text.ts";
export { measure, type ReportFigures, type Figures } from "./measure.ts";
export { FactSchema, AcceptedProposalSchema, LinesSchema, type AcceptedProposal } from "./schema.ts";
