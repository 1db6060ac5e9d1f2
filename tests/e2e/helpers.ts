import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-logins';

export { DEMO_PASSWORD };

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signInAs(page: Page, email: string, home: string) {
  await signIn(page, email);
  await expect(page).toHaveURL(new RegExp(`${home}$`));
}
