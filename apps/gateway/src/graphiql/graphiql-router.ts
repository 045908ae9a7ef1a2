import { randomBytes } from 'node:crypto';
import { Router, type Request } from 'express';
import { resolveGraphiqlAssets } from './graphiql-assets';
import { renderGraphiqlPage } from './graphiql-page';

const ENDPOINT = '/graphql';

// GraphiQL sets inline style attributes and its CSS embeds fonts and icons as data: URIs, hence
// 'unsafe-inline' styles and data: fonts/images; scripts stay limited to 'self' and the nonce.
const contentSecurityPolicy = (nonce: string) =>
  [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

const wantsHtml = (req: Request) => (req.get('accept') ?? '').includes('text/html');

/**
 * GraphiQL for browsers on `GET /graphql`, from local assets only. Every other request to
 * /graphql (JSON GETs, POSTs) falls through to the GraphQL handler mounted after this router.
 */
export function graphiqlRouter(): Router {
  const assets = resolveGraphiqlAssets();
  const router = Router();

  router.get(ENDPOINT, (req, res, next) => {
    if (!wantsHtml(req)) return next();
    const nonce = randomBytes(16).toString('base64');
    res
      .status(200)
      .set({
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': contentSecurityPolicy(nonce),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      })
      .send(renderGraphiqlPage({ assets, nonce, endpoint: ENDPOINT }));
  });

  for (const asset of Object.values(assets)) {
    router.get(asset.urlPath, (_req, res, next) => {
      res.set({ 'Content-Type': asset.contentType, 'X-Content-Type-Options': 'nosniff' });
      res.sendFile(asset.file, { maxAge: '1y', immutable: true }, (error) => {
        if (error) next(error);
      });
    });
  }

  return router;
}
