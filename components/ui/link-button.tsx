import Link from 'next/link';
import type { ComponentProps } from 'react';
import { cx } from './cx';

export function LinkButton({ className, ...rest }: ComponentProps<typeof Link>) {
  return (
    <Link
      className={cx(
        'inline-flex items-center rounded bg-emerald-700 px-4 py-2 font-medium text-white hover:bg-emerald-800',
        className,
      )}
      {...rest}
    />
  );
}
