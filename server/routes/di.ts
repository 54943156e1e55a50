// GET /api/di/documents?ins= and /api/di/documents/<id>?ins=: the patient's documents (IHE MHD on behalf of the PSC
// user, or the demo record), and one document's bytes. The patient record's refusals keep their meaning (401, 403,
// 404; anything else is a bad gateway).
import { checkMatriculeIns } from '../../shared/recipient-policy/ins';
import { DocumentSourceError } from '../../shared/ports/document-source';
import { HttpError, sendBytes, sendJson, type Handler } from '../http/router';
import { param } from '../http/params';
import type { RouteModule } from './context';

function insParam(url: URL): string {
  const raw = param(url, 'ins') ?? '';
  const check = checkMatriculeIns(raw);
  if (!check.valid) throw new HttpError(400, 'bad-ins', '"ins" must be a matricule INS (15 characters with a valid key)');
  return check.matricule;
}

function statusOf(e: DocumentSourceError): number {
  return e.code === 'unauthorized' ? 401 : e.code === 'forbidden' ? 403 : e.code === 'not-found' ? 404 : 502;
}

/** The handler, with the patient record's errors turned into HTTP answers. */
const fromRecord =
  (handler: Handler): Handler =>
  async (ctx) => {
    try {
      await handler(ctx);
    } catch (e) {
      if (e instanceof DocumentSourceError) throw new HttpError(statusOf(e), `di-${e.code}`, e.text.en);
      throw e;
    }
  };

export const diRoutes: RouteModule = {
  register(router, { psc }) {
    router.on(
      'GET',
      '/api/di/documents',
      fromRecord(async (ctx) => {
        const ins = insParam(ctx.url);
        const source = await psc.documentSource(ctx);
        const documents = await source.findDocuments({ patient: { ins } });
        sendJson(ctx.res, 200, { documents }, { 'cache-control': 'no-store' });
      }),
    );

    router.on(
      'GET',
      '/api/di/documents/:id',
      fromRecord(async (ctx) => {
        const ins = insParam(ctx.url);
        const id = ctx.params.id!;
        if (!/^[A-Za-z0-9.-]{1,64}$/.test(id)) throw new HttpError(400, 'bad-id', 'malformed document id');
        const source = await psc.documentSource(ctx);
        const summary = (await source.findDocuments({ patient: { ins } })).find((d) => d.id === id);
        if (!summary) throw new HttpError(404, 'not-found', 'no such document for this patient');
        const doc = await source.fetchDocument(summary);
        sendBytes(ctx.res, 200, Buffer.from(doc.bytes), summary.contentType, {
          'cache-control': 'no-store',
          'x-document-sha1': doc.sha1Hex,
          'content-disposition': 'attachment',
        });
      }),
    );
  },
};
