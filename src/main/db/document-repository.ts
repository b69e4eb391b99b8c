import { and, desc, eq } from 'drizzle-orm';
import { PostingProfile, ResumeProfile, type DocumentKind, type DocumentSource, type DocumentSummary, type SavedDocument } from '../../shared/protocol';
import type { AppDatabase } from './database';
import { documents, type DocumentRow } from './schema';

export interface NewDocument {
  id: string;
  kind: DocumentKind;
  name: string;
  source: DocumentSource;
  text: string;
  profile: ResumeProfile | PostingProfile;
  at: string;
}

export interface DocumentRepository {
  list(kind?: DocumentKind): DocumentSummary[];
  get(id: string): SavedDocument | undefined;
  insert(document: NewDocument): SavedDocument;
  /** undefined when there is no such document. */
  update(id: string, change: { name?: string | undefined; profile?: ResumeProfile | PostingProfile | undefined; at: string }): SavedDocument | undefined;
  /** Interviews tailored to it keep what it said then; only their link to it goes. */
  delete(id: string): boolean;
}

const summaryOf = (row: DocumentRow): DocumentSummary => ({
  id: row.id,
  kind: row.kind as DocumentKind,
  name: row.name,
  source: row.source as DocumentSource,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/** A stored profile is read with its schema: a row written by an older build still reads, or fails loudly. */
function savedOf(row: DocumentRow): SavedDocument {
  const profile: unknown = JSON.parse(row.profileJson);
  return { ...summaryOf(row), text: row.text, ...(row.kind === 'resume' ? { resume: ResumeProfile.parse(profile) } : { posting: PostingProfile.parse(profile) }) };
}

/** Résumés and job postings (issue #14), in the interview database. */
export function createDocumentRepository(db: AppDatabase): DocumentRepository {
  const row = (id: string): DocumentRow | undefined => db.select().from(documents).where(eq(documents.id, id)).get();
  return {
    list: (kind) =>
      db
        .select()
        .from(documents)
        .where(kind ? and(eq(documents.kind, kind)) : undefined)
        .orderBy(desc(documents.updatedAt), desc(documents.id))
        .all()
        .map(summaryOf),
    get(id) {
      const found = row(id);
      return found && savedOf(found);
    },
    insert({ id, kind, name, source, text, profile, at }) {
      db.insert(documents).values({ id, kind, name, source, text, profileJson: JSON.stringify(profile), createdAt: at, updatedAt: at }).run();
      return savedOf(row(id)!);
    },
    update(id, { name, profile, at }) {
      const changed = db
        .update(documents)
        .set({ ...(name ? { name } : {}), ...(profile ? { profileJson: JSON.stringify(profile) } : {}), updatedAt: at })
        .where(eq(documents.id, id))
        .run().changes;
      return changed === 1 ? savedOf(row(id)!) : undefined;
    },
    delete: (id) => db.delete(documents).where(eq(documents.id, id)).run().changes === 1,
  };
}
