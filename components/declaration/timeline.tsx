// The declaration's history, oldest first: when, what it became (and why), and who did it. The page
// passes the events already formatted and translated.
import { Section } from '../ui/page';
import { Table, Td } from '../ui/table';

export type TimelineEvent = { id: string; when: string; status: string; reason: string | null; who: string };

export function DeclarationTimeline({
  events,
  labels,
}: {
  events: readonly TimelineEvent[];
  labels: { title: string; when: string; what: string; who: string };
}) {
  return (
    <Section title={labels.title}>
      <Table caption={labels.title} head={[labels.when, labels.what, labels.who]}>
        {events.map((e) => (
          <tr key={e.id}>
            <Td>{e.when}</Td>
            <Td>
              {e.status}
              {e.reason ? <span className="block text-sm text-slate-700">{e.reason}</span> : null}
            </Td>
            <Td>{e.who}</Td>
          </tr>
        ))}
      </Table>
    </Section>
  );
}
