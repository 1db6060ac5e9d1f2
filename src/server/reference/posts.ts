import { db } from '../db';

export async function listActivePosts() {
  return db.customsPost.findMany({
    where: { isActive: true },
    orderBy: { code: 'asc' },
    select: { id: true, code: true, name: true, region: true },
  });
}
