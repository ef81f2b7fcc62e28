import { z } from 'zod';
import { DEFAULT_SIGNATURE_METHOD, SIGNATURE_METHODS } from '../../domain/integration-signature.js';
import {
  ALLOWED_CLOCK_SKEW_MS,
  budgetItemSchema,
  MAX_ITEMS_PER_BATCH,
  unitItemSchema,
  voucherItemSchema,
} from '../../domain/integration-items.js';

const error = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: error } } });
/** The items' schemas come from the zod schemas that validate them, so the document and the checks cannot disagree. */
const itemSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' });

const schemas = {
  Error: {
    type: 'object',
    required: ['code', 'message'],
    properties: {
      code: {
        type: 'string',
        enum: [
          'malformed_utf8',
          'malformed_json',
          'duplicate_key',
          'malformed_body',
          'empty_batch',
          'bad_request',
          'missing_credentials',
          'unknown_app_key',
          'bad_signature',
          'unsupported_signature_method',
          'signature_method_not_allowed',
          'bad_timestamp',
          'stale_timestamp',
          'duplicate_signature',
          'batch_not_found',
          'not_found',
          'payload_too_large',
          'too_many_items',
          'database_unavailable',
          'internal_error',
        ],
      },
      message: { type: 'string', description: '中文说明（我方的说明，不含解析器或数据库的原始报错）' },
      batchId: { type: 'string' },
    },
  },
  Budget: itemSchema(budgetItemSchema),
  Unit: itemSchema(unitItemSchema),
  PaymentVoucher: itemSchema(voucherItemSchema),
  Accepted: {
    type: 'object',
    required: ['batchId', 'accepted', 'rejected'],
    properties: {
      batchId: { type: 'string', format: 'uuid' },
      accepted: { type: 'integer', description: '通过校验、已入收件箱待处理的条数' },
      rejected: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            index: { type: 'integer', description: 'items 中的下标（从 0 开始）' },
            errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
      },
    },
  },
  Batch: {
    type: 'object',
    properties: {
      batchId: { type: 'string' },
      kind: { type: 'string', enum: ['budgets', 'units', 'payment-vouchers'] },
      state: { type: 'string', enum: ['received', 'processing', 'done', 'failed'] },
      items: { type: 'integer' },
      accepted: { type: 'integer' },
      rejected: { type: 'integer' },
      applied: { type: 'integer', description: '新增或更新的条数（最近一次处理）' },
      unchanged: { type: 'integer', description: '与已存数据相同或更旧而未改动的条数' },
      failed: { type: 'integer', description: '处理时发现错误的条数（如区划代码不存在）' },
      errors: { $ref: '#/components/schemas/Accepted/properties/rejected' },
      lastError: {
        type: 'string',
        nullable: true,
        description: '最近一次处理失败的中文说明（含日志编号，便于与监管端核对日志）；不含数据库或驱动的原始报错',
      },
      attempts: { type: 'integer' },
      receivedAt: { type: 'string', format: 'date-time' },
      finishedAt: { type: 'string', format: 'date-time', nullable: true },
    },
  },
};

/** Which HMAC the request is signed with; each app key accepts only the methods configured for it. */
const signatureMethod = {
  name: 'X-Signature-Method',
  in: 'header',
  required: false,
  description: `签名算法；不带时为 ${DEFAULT_SIGNATURE_METHOD}。只开通 HMAC-SM3 的 X-App-Key 拒收其他算法（401 signature_method_not_allowed）`,
  schema: { type: 'string', enum: [...SIGNATURE_METHODS], default: DEFAULT_SIGNATURE_METHOD },
};

function batchEndpoint(summary: string, item: string) {
  return {
    post: {
      summary,
      security: [{ appKey: [], timestamp: [], signature: [] }],
      parameters: [signatureMethod],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['items'],
              properties: {
                items: { type: 'array', minItems: 1, maxItems: MAX_ITEMS_PER_BATCH, items: { $ref: `#/components/schemas/${item}` } },
              },
            },
          },
        },
      },
      responses: {
        202: {
          description:
            '已接收：有效项入库处理，无效项（字段不合规、含控制字符或不成对代理项、时间晚于接收时间超过 ' +
            `${ALLOWED_CLOCK_SKEW_MS / 60_000} 分钟、批内唯一键重复）按下标和字段列出，不影响其余项`,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Accepted' } } },
        },
        400: errorResponse(
          'malformed_utf8：请求体不是合法的 UTF-8；malformed_json：请求体不是合法 JSON；duplicate_key：任一对象内有重复的键（整个请求不接收）；' +
            'malformed_body / empty_batch：不是 {"items": [...]} 或 items 为空',
        ),
        401: errorResponse(
          'unknown_app_key：X-App-Key 未知；unsupported_signature_method：X-Signature-Method 不是 ' +
            `${SIGNATURE_METHODS.join('、')}；signature_method_not_allowed：该 X-App-Key 未开通此签名算法；bad_signature：签名错误；` +
            'bad_timestamp / stale_timestamp：X-Timestamp 不是 Unix 秒数或与服务器时间相差超过 300 秒',
        ),
        409: errorResponse('同一签名已提交过'),
        413: errorResponse(`请求体超过 10 MB 或超过 ${MAX_ITEMS_PER_BATCH} 项`),
      },
    },
  };
}

/** The contract the 一体化 platform and our tests are written against. */
export function integrationOpenApi() {
  return {
    openapi: '3.0.3',
    info: {
      title: '江西省政府采购监管端 — 一体化推送接口',
      version: '1.0.0',
      description:
        '预算管理一体化平台向监管端推送采购预算、单位基本信息和支付凭证。每个请求带 X-App-Key、X-Timestamp（Unix 秒）和 ' +
        'X-Signature = 小写十六进制 HMAC(secret, `${timestamp}\\n${原始请求体}`)；GET 请求的请求体为空串。' +
        `HMAC 的杂凑算法由 X-Signature-Method 指明：${SIGNATURE_METHODS.join(' 或 ')}（HMAC-SM3 即以 GB/T 32905 SM3 为杂凑的 HMAC，` +
        `与 HMAC-SHA256 同为 64 位十六进制），不带该请求头时为 ${DEFAULT_SIGNATURE_METHOD}。每个 X-App-Key 开通哪些算法由监管端配置` +
        '（INTEGRATION_APP_SIGNATURE_METHODS），只开通 HMAC-SM3 的密钥不接受 HMAC-SHA256 签名。' +
        '批次先入收件箱再返回 202，由后台任务处理；处理结果用 GET /batches/{batchId} 查询。',
    },
    servers: [{ url: '/api/integration/v1' }],
    paths: {
      '/budgets': batchEndpoint('推送采购预算（一体化审核通过后）', 'Budget'),
      '/units': batchEndpoint('推送单位基本信息', 'Unit'),
      '/payment-vouchers': batchEndpoint('推送支付凭证', 'PaymentVoucher'),
      '/batches/{batchId}': {
        get: {
          summary: '查询批次处理状态',
          security: [{ appKey: [], timestamp: [], signature: [] }],
          parameters: [{ name: 'batchId', in: 'path', required: true, schema: { type: 'string' } }, signatureMethod],
          responses: {
            200: { description: '批次状态和计数', content: { 'application/json': { schema: { $ref: '#/components/schemas/Batch' } } } },
            401: errorResponse('认证失败'),
            404: errorResponse('批次不存在'),
          },
        },
      },
    },
    components: {
      schemas,
      securitySchemes: {
        appKey: { type: 'apiKey', in: 'header', name: 'X-App-Key' },
        timestamp: { type: 'apiKey', in: 'header', name: 'X-Timestamp' },
        signature: { type: 'apiKey', in: 'header', name: 'X-Signature' },
      },
    },
  };
}
