import { primaryName, type Person } from "@registry/domain";

export const personLabel = (p: Person) => `${primaryName(p)}${p.birthYear ? ` (${p.birthYear})` : ""}`;
