/**
 * The standard category tree a new goods library starts from: the top levels of the national government
 * procurement catalogue (政府采购品目分类目录, 财库〔2022〕31号) — 货物 A, 工程 B, 服务 C — and the sub-levels that
 * agreement and designated procurement (协议供货、定点采购) use in practice. A code's parent is the code it extends.
 */
export interface CatalogueEntry {
  code: string;
  name: string;
}

export const STANDARD_CATALOGUE: readonly CatalogueEntry[] = [
  { code: 'A', name: '货物' },
  { code: 'A02', name: '通用设备' },
  { code: 'A0201', name: '计算机设备及软件' },
  { code: 'A020101', name: '计算机设备' },
  { code: 'A02010103', name: '服务器' },
  { code: 'A02010104', name: '台式计算机' },
  { code: 'A02010105', name: '便携式计算机' },
  { code: 'A02010106', name: '平板式微型计算机' },
  { code: 'A020102', name: '网络设备' },
  { code: 'A02010201', name: '路由器' },
  { code: 'A02010202', name: '交换设备' },
  { code: 'A020105', name: '存储设备' },
  { code: 'A020106', name: '输入输出设备' },
  { code: 'A02010601', name: '打印设备' },
  { code: 'A02010604', name: '显示设备' },
  { code: 'A02010609', name: '扫描仪' },
  { code: 'A020108', name: '计算机软件' },
  { code: 'A02010801', name: '基础软件' },
  { code: 'A02010803', name: '信息安全软件' },
  { code: 'A0202', name: '办公设备' },
  { code: 'A020201', name: '复印机' },
  { code: 'A020202', name: '投影仪' },
  { code: 'A020204', name: '多功能一体机' },
  { code: 'A020208', name: '速印机' },
  { code: 'A020210', name: '碎纸机' },
  { code: 'A0206', name: '电气设备' },
  { code: 'A020618', name: '生活用电器' },
  { code: 'A02061801', name: '电冰箱' },
  { code: 'A02061802', name: '空调机' },
  { code: 'A02061808', name: '热水器' },
  { code: 'A0208', name: '通信设备' },
  { code: 'A020805', name: '电话机' },
  { code: 'A05', name: '家具和用具' },
  { code: 'A0501', name: '家具' },
  { code: 'A050101', name: '床类' },
  { code: 'A050102', name: '台、桌类' },
  { code: 'A050103', name: '椅凳类' },
  { code: 'A050104', name: '沙发类' },
  { code: 'A050105', name: '柜类' },
  { code: 'A09', name: '办公消耗用品' },
  { code: 'A0901', name: '纸制文具' },
  { code: 'A090101', name: '复印纸' },
  { code: 'A0902', name: '硒鼓、粉盒' },
  { code: 'A090201', name: '鼓粉盒' },
  { code: 'A090202', name: '墨盒' },
  { code: 'B', name: '工程' },
  { code: 'B07', name: '装修工程' },
  { code: 'B0701', name: '建筑装饰工程' },
  { code: 'B08', name: '修缮工程' },
  { code: 'B0801', name: '房屋修缮工程' },
  { code: 'C', name: '服务' },
  { code: 'C08', name: '印刷和出版服务' },
  { code: 'C0801', name: '印刷服务' },
  { code: 'C16', name: '信息技术服务' },
  { code: 'C1604', name: '运行维护服务' },
  { code: 'C160401', name: '基础环境运维服务' },
  { code: 'C160402', name: '硬件运维服务' },
  { code: 'C23', name: '车辆维修和保养服务' },
  { code: 'C2301', name: '车辆维修和保养服务' },
  { code: 'C15', name: '金融服务' },
  { code: 'C1504', name: '保险服务' },
  { code: 'C150401', name: '机动车保险服务' },
  { code: 'C22', name: '加油服务' },
  { code: 'C2201', name: '车辆加油、添加燃料服务' },
];

/** A, B or C, then two digits per level: A → A02 → A0201 → A020101 → A02010104. */
export const CATEGORY_CODE = /^[ABC](\d{2}){0,6}$/;

/** The code one level up; null at the top (A, B, C). */
export function categoryParent(code: string): string | null {
  return code.length > 1 ? code.slice(0, -2) : null;
}

export interface CatalogueNode extends CatalogueEntry {
  parentCode: string | null;
  level: number;
  isLeaf: boolean;
}

/** Entries with their parent, depth and leafness, parents before children. */
export function catalogueTree(entries: readonly CatalogueEntry[] = STANDARD_CATALOGUE): CatalogueNode[] {
  const parents = new Map(entries.map((e) => [e.code, categoryParent(e.code)]));
  const withChildren = new Set([...parents.values()].filter((p): p is string => p !== null));
  const depth = (code: string): number => {
    const p = parents.get(code);
    return p ? depth(p) + 1 : 1;
  };
  return [...entries]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((e) => ({ ...e, parentCode: parents.get(e.code)!, level: depth(e.code), isLeaf: !withChildren.has(e.code) }));
}
