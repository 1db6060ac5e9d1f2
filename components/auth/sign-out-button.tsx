'use client';
import { signOut } from 'next-auth/react';
import { Button } from '../ui/button';

export function SignOutButton({ label }: { label: string }) {
  return (
    <Button type="button" onClick={() => void signOut({ callbackUrl: '/sign-in' })}>
      {label}
    </Button>
  );
}
