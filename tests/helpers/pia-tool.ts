/**
 * What the CNIL PIA tool (LINCnil/pia: sid-status and global-evaluation services) counts as done, for
 * a file in its format: each evaluable element must be answered (text questions: a text; risk lists:
 * a list; 3x5/3x6: a justification text AND a gauge above 0; measures: title and content) and carry
 * an evaluation with status 2 (improvable) or 3 (acceptable) and global_status 2 (validated).
 */
type Answer = { reference_to: number | string; data: { text: string | null; gauge: number | null; list: string[] | null } };
type PiaFile = {
  answers: Answer[];
  measures: { id: number; title: string | null; content: string | null }[];
  evaluations: { reference_to: string; status: number; global_status: number }[];
};

export function piaToolProgress(file: PiaFile): { percent: number; pending: string[] } {
  const byRef = new Map(file.answers.map((a) => [Number(a.reference_to), a.data]));
  const text = (q: number) =>
    Boolean(
      byRef
        .get(q)
        ?.text?.replace(/<[^>]+>/g, "")
        .trim(),
    );
  const list = (q: number) => (byRef.get(q)?.list?.length ?? 0) > 0;
  const gauge = (q: number) => text(q) && (byRef.get(q)?.gauge ?? 0) > 0;
  const evaluated = (ref: string) => file.evaluations.some((e) => e.reference_to === ref && e.status >= 2 && e.global_status === 2);
  const elements: [string, boolean][] = [
    ["1.1", [111, 112, 113].every(text)],
    ["1.2", [121, 122, 123].every(text)],
    ...[211, 212, 213, 214, 215].map((q): [string, boolean] => [`2.1.${q}`, text(q)]),
    ...[221, 222, 223, 224, 225, 226, 227].map((q): [string, boolean] => [`2.2.${q}`, text(q)]),
    ...file.measures.map((m): [string, boolean] => [`3.1.${m.id}`, Boolean(m.title?.trim() && m.content?.trim())]),
    ...[32, 33, 34].map((r): [string, boolean] => [`3.${r % 10}`, [1, 2, 3, 4].every((i) => list(r * 10 + i)) && gauge(r * 10 + 5) && gauge(r * 10 + 6)]),
  ];
  if (file.measures.length === 0) elements.push(["3.1", false]);
  const pending = elements.filter(([ref, answered]) => !answered || !evaluated(ref)).map(([ref]) => ref);
  return { percent: Math.round((100 * (elements.length - pending.length)) / elements.length), pending };
}
