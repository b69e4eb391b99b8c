import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  LIMITS,
  type DocumentKind,
  type DocumentSource,
  type InterviewConfig,
  type InterviewTailoring,
  type PostingProfile,
  type ResumeProfile,
  type SavedDocument,
  type SkillRef,
} from '../../shared/protocol';
import type { DocumentRepository } from '../db/document-repository';
import { DocumentError, documentErrors } from '../documents/document-error';
import { typeByName } from '../documents/document-type';
import { checkDocumentText, DOCUMENT_WORDS, readDocumentFile } from '../documents/read-document';
import { EngineError } from '../engine/engine-context';
import type { Logger } from '../log';
import { CallError, type CallHandlers } from '../rpc/call-handlers';
import type { PendingUploads } from './pending-uploads';
import { parsePosting } from './posting-parser';
import { postingPromptText, resumePromptText } from './profile-text';
import { parseResume } from './resume-parser';
import type { SkillVocabulary } from './skill-vocabulary';

export type DocumentCalls = Pick<
  CallHandlers,
  'documents.list' | 'documents.get' | 'documents.import' | 'documents.upload' | 'documents.update' | 'documents.delete' | 'skills.names'
>;

export interface DocumentServiceOptions {
  repository: DocumentRepository;
  vocabulary: SkillVocabulary;
  uploads: PendingUploads;
  /** Browser mode: where the page sends an upload's bytes. The app has none. */
  uploadUrl?: ((uploadId: string) => string) | undefined;
  /** The app: the candidate picks a file in a native dialog (its path stays in main). */
  pickFile?: (() => Promise<string | undefined>) | undefined;
  now(): Date;
  newId(): string;
  log: Logger;
}

export interface DocumentService {
  handlers: DocumentCalls;
  /**
   * The config an interview starts with (issue #14): a saved résumé's and posting's profile as
   * the candidate corrected it, written into `resume` and `jobDescription` for model
   * interviewers, and kept whole in `tailoring`. Throws an EngineError for one that is gone.
   */
  tailor(config: InterviewConfig): InterviewConfig;
}

const notFound = (kind?: DocumentKind): never => {
  throw new CallError('NOT_FOUND', `That ${kind ? DOCUMENT_WORDS[kind] : 'résumé or job posting'} is no longer saved; choose another one or import it again.`);
};

/** A first line short enough to be a name ("Jane Doe"), else what it is. */
function nameFor(kind: DocumentKind, text: string, fileName: string | undefined, posting?: PostingProfile): string {
  if (fileName) return fileName.replace(/\.[^.]+$/, '').slice(0, 100) || fileName.slice(0, 100);
  if (posting?.role) return posting.role.slice(0, 100);
  const first = text.split('\n')[0]!.trim();
  return first.length > 0 && first.length <= 60 ? first : kind === 'resume' ? 'Pasted résumé' : 'Pasted job posting';
}

export function createDocumentService(options: DocumentServiceOptions): DocumentService {
  const { repository, vocabulary, uploads, log } = options;

  const parse = (kind: DocumentKind, text: string): ResumeProfile | PostingProfile => (kind === 'resume' ? parseResume(text, vocabulary, options.now()) : parsePosting(text, vocabulary));

  const save = (kind: DocumentKind, text: string, source: DocumentSource, fileName?: string): SavedDocument => {
    const started = performance.now();
    const profile = parse(kind, text);
    const saved = repository.insert({ id: options.newId(), kind, name: nameFor(kind, text, fileName, kind === 'posting' ? (profile as PostingProfile) : undefined), source, text, profile, at: options.now().toISOString() });
    log.info('document.imported', { kind, source, chars: text.length, ms: Math.round(performance.now() - started) });
    return saved;
  };

  const fromFile = async (kind: DocumentKind, fileName: string, bytes: Uint8Array): Promise<SavedDocument> => {
    const { text, source } = await readDocumentFile(kind, fileName, bytes);
    return save(kind, text, source, fileName);
  };

  /** The app's own file dialog: the size is checked before the file is read. */
  const picked = async (kind: DocumentKind): Promise<SavedDocument | { cancelled: true }> => {
    if (!options.pickFile) throw new CallError('UNAVAILABLE', 'Choosing a file here works in the app; in the browser, use the file field.');
    const path = await options.pickFile();
    if (!path) return { cancelled: true };
    const { size } = await stat(path);
    if (size > LIMITS.importFileBytes) throw documentErrors.tooLarge(size);
    return fromFile(kind, basename(path), await readFile(path));
  };

  /** Skills the candidate typed or kept are matched to the vocabulary again, so their keys are its own. */
  const canonical = (skills: readonly SkillRef[]): SkillRef[] => {
    const seen = new Map<string, SkillRef>();
    for (const skill of skills) {
      const ref = vocabulary.refFor(skill.name);
      if (ref.name && !seen.has(ref.key)) seen.set(ref.key, ref);
    }
    return [...seen.values()];
  };

  /** A skill in both lists of a posting is a must-have. */
  const corrected = (resume: ResumeProfile | undefined, posting: PostingProfile | undefined): ResumeProfile | PostingProfile | undefined => {
    if (resume) return { ...resume, skills: canonical(resume.skills) };
    if (!posting) return undefined;
    const mustHave = canonical(posting.mustHave);
    return { ...posting, mustHave, niceToHave: canonical(posting.niceToHave).filter((s) => !mustHave.some((m) => m.key === s.key)) };
  };

  const asCallError = async <T>(work: () => Promise<T> | T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DocumentError) {
        log.info('document.refused', { code: error.code });
        throw new CallError(error.code, error.message);
      }
      throw error;
    }
  };

  const handlers: DocumentCalls = {
    'documents.list': (params) => repository.list(params?.kind),
    'documents.get': ({ id }) => repository.get(id) ?? notFound(),
    'documents.import': ({ kind, source }) =>
      asCallError(async () => {
        if (source.type === 'paste') return save(kind, checkDocumentText(kind, source.text, 'paste'), 'paste');
        if (source.type === 'pick') return picked(kind);
        const upload = uploads.take(source.uploadId);
        if (!upload) throw new CallError('NOT_FOUND', 'The file did not arrive; choose it again.');
        return fromFile(kind, upload.fileName, upload.bytes);
      }),
    'documents.upload': ({ fileName, size }) =>
      asCallError(() => {
        if (!options.uploadUrl) throw new CallError('UNAVAILABLE', 'Files are sent this way in browser mode only.');
        if (size > LIMITS.importFileBytes) throw documentErrors.tooLarge(size);
        typeByName(fileName);
        const uploadId = uploads.open(fileName, size);
        return { uploadId, url: options.uploadUrl(uploadId) };
      }),
    'documents.update': ({ id, name, resume, posting }) => {
      const current = repository.get(id) ?? notFound();
      if ((resume && current.kind !== 'resume') || (posting && current.kind !== 'posting')) throw new CallError('BAD_PARAMS', `That is a ${DOCUMENT_WORDS[current.kind]}; send its own kind of profile.`);
      return repository.update(id, { name, profile: corrected(resume, posting), at: options.now().toISOString() }) ?? notFound(current.kind);
    },
    'documents.delete': ({ id }) => {
      if (!repository.delete(id)) notFound();
      return { deleted: true };
    },
    'skills.names': () => vocabulary.names(),
  };

  const tailoringEntry = (id: string, kind: DocumentKind) => {
    const found = repository.get(id);
    if (found?.kind !== kind) throw new EngineError('NOT_FOUND', `That ${DOCUMENT_WORDS[kind]} is no longer saved; choose another one on the Practice screen.`);
    return found;
  };

  return {
    handlers,
    tailor(config) {
      const { tailoring: _sent, ...asSent } = config;
      const tailoring: InterviewTailoring = {};
      const next: InterviewConfig = { ...asSent };
      if (config.resumeId) {
        const resume = tailoringEntry(config.resumeId, 'resume');
        tailoring.resume = { id: resume.id, name: resume.name, profile: resume.resume! };
        next.resume = resumePromptText(resume.resume!, resume.text);
      }
      if (config.postingId) {
        const posting = tailoringEntry(config.postingId, 'posting');
        tailoring.posting = { id: posting.id, name: posting.name, profile: posting.posting! };
        next.jobDescription = postingPromptText(posting.posting!, posting.text);
      }
      return tailoring.resume || tailoring.posting ? { ...next, tailoring } : next;
    },
  };
}
