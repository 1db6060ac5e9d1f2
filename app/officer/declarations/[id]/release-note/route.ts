// The same handler as the trader's: releaseNotePdf scopes the declaration to the actor (the trader's
// company, or an officer's post) and answers 404 out of scope or before release.
export { GET } from '../../../../trader/declarations/[id]/release-note/route';
