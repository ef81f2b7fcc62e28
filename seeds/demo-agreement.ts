import type { Transaction } from 'sequelize';
import { AgreementCategory, AgreementGoods, AgreementLibrary, AgreementSupplier, BiddingQuote, BiddingRecord } from '../db/models.js';
import { addMissingCategories } from '../services/agreement/category-initialisation.js';
import type { BiddingStatus } from '../domain/agreement-library.js';
import { randomCreditCode } from './random-credit-code.js';
import type { createRandom } from './random.js';

type Random = ReturnType<typeof createRandom>;

/** 南昌市 and 赣州市 keep libraries; 南昌县 built its own; 东湖区 and 章贡区 use their city's. */
export const DEMO_LIBRARIES: ReadonlyArray<{ owner: string; name: string; purchasers: readonly string[] }> = [
  { owner: '360100', name: '南昌市协议商品库', purchasers: ['360100', '360102'] },
  { owner: '360700', name: '赣州市协议商品库', purchasers: ['360700', '360702'] },
  { owner: '360121', name: '南昌县协议商品库', purchasers: ['360121'] },
];

const SUPPLIERS = ['江西赣新科技有限公司', '南昌联想电脑销售有限公司', '江西华邦办公设备有限公司', '赣州南康家具制造有限公司'];
const GOODS: ReadonlyArray<{ category: string; name: string; brand: string; modelNo: string; price: number; spec: string }> = [
  { category: 'A02010104', name: '台式计算机', brand: '联想', modelNo: '启天M437', price: 5299, spec: 'i5-12500/16G/512G SSD/23.8英寸' },
  { category: 'A02010105', name: '便携式计算机', brand: '华为', modelNo: 'MateBook 14', price: 6499, spec: 'i5-1340P/16G/512G/14英寸' },
  { category: 'A020204', name: '多功能一体机', brand: '奔图', modelNo: 'M7160DW', price: 2380, spec: '黑白激光/打印复印扫描/双面/无线' },
  { category: 'A050103', name: '办公椅', brand: '南康', modelNo: 'NK-Y201', price: 680, spec: '网布/可升降/带扶手' },
  { category: 'A090101', name: 'A4复印纸', brand: '得力', modelNo: 'A4-70g', price: 23.5, spec: '70g/500张/包' },
  { category: 'C0801', name: '公文印刷服务', brand: '天工印务', modelNo: '按印张计价', price: 0.35, spec: '黑白/A4/双面' },
];
const STATUSES: readonly BiddingStatus[] = ['bidding', 'quoting', 'ended', 'returned', 'ended'];

/** Libraries with the standard categories, suppliers (one removed, one expired), goods and biddings in every status. */
export async function seedDemoAgreement(random: Random, day: (n: number) => Date, transaction: Transaction): Promise<void> {
  let serial = 0;
  // Running ones end two days after the demo is loaded (not after its fixed date): a bidding's state follows its end
  // time, so an end already past would show every demo bidding as 已结束.
  const runningUntil = new Date(Math.max(day(0).getTime(), Date.now()) + 2 * 86_400_000);
  for (const spec of DEMO_LIBRARIES) {
    const library = await AgreementLibrary.create(
      { ownerRegionCode: spec.owner, name: spec.name, createdBy: '演示数据', createdAt: day(210) },
      { transaction },
    );
    // 初始化品目 ten days after the library was built, as the action does it: the standard tree, then the time.
    await addMissingCategories(library, transaction);
    await library.update({ categoriesInitializedAt: day(200) }, { transaction });
    const suppliers: AgreementSupplier[] = [];
    for (const [i, supplierName] of SUPPLIERS.entries()) {
      suppliers.push(
        await AgreementSupplier.create(
          {
            libraryId: library.id,
            libraryRegionCode: spec.owner,
            supplierName,
            creditCode: randomCreditCode(random, spec.owner, '1'),
            contactName: random.pick(['刘经理', '陈经理', '黄经理']),
            contactPhone: `139${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
            validFrom: i === 2 ? '2024-01-01' : '2026-01-01',
            validTo: i === 2 ? '2025-12-31' : '2027-12-31',
            status: i === 3 ? 'removed' : 'active',
            title: `${supplierName}（${spec.name}）`,
            removedAt: i === 3 ? day(30) : null,
            removedBy: i === 3 ? '演示审核员' : null,
            removeReason: i === 3 ? '协议期内两次供货质量不合格' : null,
          },
          { transaction },
        ),
      );
    }
    const categories = new Map(
      (await AgreementCategory.findAll({ where: { libraryId: library.id }, transaction })).map((c) => [c.code, c]),
    );
    const goods: AgreementGoods[] = [];
    for (const [i, g] of GOODS.entries()) {
      goods.push(
        await AgreementGoods.create(
          {
            libraryId: library.id,
            libraryRegionCode: spec.owner,
            categoryId: categories.get(g.category)!.id,
            name: g.name,
            brand: g.brand,
            modelNo: g.modelNo,
            specification: g.spec,
            unitPrice: g.price.toFixed(2),
            supplierId: suppliers[i % 2]!.id,
            createdBy: '演示数据',
          },
          { transaction },
        ),
      );
    }
    for (const [i, status] of STATUSES.entries()) {
      serial += 1;
      const item = goods[i % goods.length]!;
      const quantity = [20, 50, 10, 100, 30][i]!;
      const ceiling = Math.round(Number(item.unitPrice) * quantity * 100) / 100;
      const ended = status === 'ended' || status === 'returned';
      const bidding = await BiddingRecord.create(
        {
          biddingNo: `JJ-2026-${spec.owner}-${String(serial).padStart(4, '0')}`,
          projectName: `${['办公电脑', '笔记本电脑', '打印设备', '办公家具', '办公用纸'][i]}竞价采购`,
          purchaserName: `${spec.owner === '360121' ? '南昌县' : spec.name.slice(0, 3)}${['教育局', '卫生健康委员会', '财政局', '民政局', '水利局'][i]}`,
          regionCode: spec.purchasers[i % spec.purchasers.length]!,
          libraryId: library.id,
          libraryRegionCode: spec.owner,
          goodsId: item.id,
          goodsSummary: `${item.brand} ${item.name} ${item.modelNo} × ${quantity}`,
          quantity,
          ceilingPrice: ceiling.toFixed(2),
          status,
          startAt: ended ? day(20 + i) : day(1),
          endAt: ended ? day(17 + i) : runningUntil,
          returnedAt: status === 'returned' ? day(10) : null,
          returnReason: status === 'returned' ? '成交供应商放弃成交，退回重新竞价' : null,
        },
        { transaction },
      );
      const quoters = [suppliers[0]!, suppliers[1]!];
      const quotes = quoters.map((s, q) => ({ supplier: s, amount: Math.round(ceiling * (0.92 + q * 0.03) * 100) / 100 }));
      for (const [q, quote] of quotes.entries()) {
        await BiddingQuote.create(
          {
            biddingId: bidding.id,
            libraryRegionCode: spec.owner,
            supplierId: quote.supplier.id,
            supplierName: quote.supplier.supplierName,
            quoteAmount: quote.amount.toFixed(2),
            quotedAt: new Date(bidding.startAt.getTime() + (q + 1) * 3_600_000),
          },
          { transaction },
        );
      }
      const lowest = quotes.reduce((a, b) => (a.amount <= b.amount ? a : b));
      await bidding.update(
        {
          participantCount: quotes.length,
          lowestQuote: lowest.amount.toFixed(2),
          winningSupplierName: status === 'ended' ? lowest.supplier.supplierName : null,
        },
        { transaction },
      );
    }
  }
}
