// Customs value control at a glance: the reference distribution of unit prices for the HS code and
// origin (q05–q90 whiskers, q25–q75 box, median tick) and the declared price as a marker. The
// numbers are in the table beside it; the chart has a text alternative. Every word comes from the
// caller (the message catalogue).
type Reference = { q05: number; q10: number; q25: number; q50: number; q75: number; q90: number };

export function ValueChart({
  reference,
  declared,
  label,
  markerLabels,
}: {
  reference: Reference;
  declared: number;
  label: string;
  markerLabels: { declared: string; declaredLow: string };
}) {
  const lo = Math.min(reference.q05, declared) * 0.9;
  const hi = Math.max(reference.q90, declared) * 1.1 || 1;
  const x = (v: number) => 10 + ((v - lo) / (hi - lo)) * 280;
  const isLow = declared < reference.q10;
  return (
    <svg role="img" aria-label={label} viewBox="0 0 300 44" width="300" height="44" className="max-w-full">
      <line x1={x(reference.q05)} x2={x(reference.q90)} y1="18" y2="18" stroke="#475569" strokeWidth="2" />
      <rect
        x={x(reference.q25)}
        y="10"
        width={Math.max(1, x(reference.q75) - x(reference.q25))}
        height="16"
        fill="#cbd5e1"
        stroke="#475569"
      />
      <line x1={x(reference.q50)} x2={x(reference.q50)} y1="8" y2="28" stroke="#0f172a" strokeWidth="2" />
      <line x1={x(reference.q10)} x2={x(reference.q10)} y1="6" y2="30" stroke="#b45309" strokeDasharray="3 2" />
      <circle cx={x(declared)} cy="18" r="6" fill={isLow ? '#b91c1c' : '#047857'} stroke="#fff" strokeWidth="2" />
      <text x={x(declared)} y="42" textAnchor="middle" fontSize="10" fill="#0f172a">
        {`▲ ${isLow ? markerLabels.declaredLow : markerLabels.declared}`}
      </text>
    </svg>
  );
}
