import { createSequelize } from '../../server/database.js';
import { buildAdmin } from '../../server/admin.js';
import { componentEntry } from '../../server/component-bundle.js';
import { loadResourceConfig } from '../../server/resource-config.js';
import { RESOURCE_DEFINITIONS } from '../../resources/index.js';
import { initMiddleModels, initModels } from '../../resources/models.js';

// `npm install` bundles the registry's components; a start reuses that bundle only if the panel asks for the same entry.
describe('the components bundle that npm install builds', () => {
  it('is the one the panel asks for, in the development and the production form alike', async () => {
    const [sequelize, middle] = [createSequelize('sqlite::memory:'), createSequelize('sqlite::memory:')];
    initModels(sequelize);
    initMiddleModels(middle);
    const admin = buildAdmin(loadResourceConfig(RESOURCE_DEFINITIONS), async () => { throw new Error('not called'); });
    const entry = componentEntry(admin);
    expect(entry).toBe(componentEntry());
    expect(entry).toContain("from '../server/components/dashboard'");
    expect(entry).not.toContain('/dist/');
    await Promise.all([sequelize.close(), middle.close()]);
  });
});
