import querystring from 'node:querystring';
import Busboy from 'busboy';
import type { NextFunction, Request, Response } from 'express';

/** A panel form holds a few fields (a bulk action names its ids in the query string): 1 MB is ample. */
export const PANEL_BODY_LIMIT = 1024 * 1024;
const MAX_FIELDS = 1000;

type Fields = Record<string, unknown>;
type ParsedRequest = Request & { fields?: Fields; files?: Fields; express_formidable?: { parsed: boolean } };

export class BodyRefused extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Reads the whole body, refusing it as soon as it passes `limit`, so nothing larger is ever held or written. */
function readBody(req: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyRefused(413, 'body_too_large', `提交的内容超过 ${limit / 1024} KB 上限`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Multipart forms are parsed in memory: the panel has no upload, so a file part refuses the whole request. */
function readMultipart(req: Request, limit: number): Promise<Fields> {
  return new Promise((resolve, reject) => {
    const fields: Fields = {};
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      req.resume();
      reject(error);
    };
    let parser: Busboy.Busboy;
    try {
      parser = Busboy({ headers: req.headers, limits: { fieldSize: limit, fields: MAX_FIELDS, parts: MAX_FIELDS, files: 0 } });
    } catch {
      reject(new BodyRefused(400, 'malformed_body', '提交的表单格式有误'));
      return;
    }
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) fail(new BodyRefused(413, 'body_too_large', `提交的内容超过 ${limit / 1024} KB 上限`));
    });
    parser.on('file', (_name, stream) => {
      stream.resume();
      fail(new BodyRefused(413, 'upload_not_accepted', '本系统不接受文件上传'));
    });
    parser.on('filesLimit', () => fail(new BodyRefused(413, 'upload_not_accepted', '本系统不接受文件上传')));
    parser.on('fieldsLimit', () => fail(new BodyRefused(413, 'too_many_fields', `表单字段超过 ${MAX_FIELDS} 个`)));
    parser.on('partsLimit', () => fail(new BodyRefused(413, 'too_many_fields', `表单字段超过 ${MAX_FIELDS} 个`)));
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(new BodyRefused(413, 'body_too_large', `提交的内容超过 ${limit / 1024} KB 上限`));
      else fields[name] = value;
    });
    parser.on('error', () => fail(new BodyRefused(400, 'malformed_body', '提交的表单格式有误')));
    parser.on('close', () => {
      if (settled) return;
      settled = true;
      resolve(fields);
    });
    req.pipe(parser);
  });
}

async function parseBody(req: Request, limit: number): Promise<Fields> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const declaredLength = Number(req.headers['content-length'] ?? 0);
  if (declaredLength > limit) throw new BodyRefused(413, 'body_too_large', `提交的内容超过 ${limit / 1024} KB 上限`);
  if (type === 'multipart/form-data') return readMultipart(req, limit);
  const body = await readBody(req, limit);
  if (!body.length) return {};
  if (type === 'application/x-www-form-urlencoded') return { ...querystring.parse(body.toString('utf8')) };
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new BodyRefused(400, 'malformed_body', '提交的 JSON 格式有误');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new BodyRefused(400, 'malformed_body', '提交的 JSON 应为对象');
    return parsed as Fields;
  }
  throw new BodyRefused(415, 'unsupported_media_type', `不支持的内容类型“${type || '（未声明）'}”：请使用表单或 JSON 提交`);
}

function refuse(res: Response, error: BodyRefused): void {
  // The rest of a refused body is never read: the connection closes after the answer.
  res.set('Connection', 'close');
  res.status(error.status).json({ code: error.code, message: error.message });
}

/**
 * The panel's body parser, in place of the express-formidable that @adminjs/express mounts: that one runs before
 * authentication and keeps every uploaded file part in the temp directory for ever. Here nothing is written to disk,
 * bodies are capped, file parts are refused, and only the login form is read from someone not signed in. What it
 * leaves on the request is what express-formidable would have (`fields`, `files`, the `parsed` mark it checks).
 */
export function panelBody(options: { loginPath: string; limit?: number }) {
  const limit = options.limit ?? PANEL_BODY_LIMIT;
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const parsed = req as ParsedRequest;
    const done = (fields: Fields) => {
      parsed.fields = fields;
      parsed.files = {};
      parsed.express_formidable = { parsed: true };
      next();
    };
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return done({});
    const signedIn = !!(req.session as { adminUser?: unknown } | undefined)?.adminUser;
    if (!signedIn && req.originalUrl.split('?')[0] !== options.loginPath) {
      // AdminJS sends whoever is not signed in to the login page; their body is never read.
      res.set('Connection', 'close');
      return done({});
    }
    try {
      done(await parseBody(req, limit));
    } catch (error) {
      if (error instanceof BodyRefused) refuse(res, error);
      else next(error);
    }
  };
}
