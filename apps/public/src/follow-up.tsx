/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { latestFollowUp, type Recognition } from "@registry/domain";
import { Cite, L, type Footnotes } from "./components.tsx";
import { useDates, usePage } from "./ctx.tsx";

/**
 * Whether a recognition was followed: the latest cited follow-up ("Partly followed as of 1 September 2021", its
 * footnote and its note), or "unknown" when no source says (ADR 019). `brief` (a person's page): no note, and
 * nothing at all when unknown.
 */
export function FollowUpText({
  recognition,
  notes,
  brief = false,
  lead = "",
}: {
  recognition: Pick<Recognition, "followUp">;
  notes: Footnotes;
  brief?: boolean;
  /** Text before it (a separator), shown only when something is. */
  lead?: string;
}) {
  const { t } = usePage();
  const { value } = useDates();
  const follow = latestFollowUp(recognition);
  if (!follow) return brief ? null : <>{t("recognition.followedUnknown")}</>;
  return (
    <>
      {lead}
      {t("recognition.followedAsOf", {
        outcome: t(`recognition.outcomes.${follow.outcome}`),
        date: value(follow.asOf),
      })}
      <Cite citations={follow.citations} notes={notes} />
      {follow.note && !brief ? (
        <>
          {" "}
          <L text={follow.note} />
        </>
      ) : null}
    </>
  );
}
