/** The STIX bundle validates against the official STIX 2.1 JSON Schemas (copied in tests/fixtures). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../../src/lib/archive.ts';
import { stixBundle } from '../../../src/lib/exports/index.ts';
import { ROOT } from '../../helpers.ts';
import { realContent } from '../../real-content.ts';

const SCHEMAS = join(ROOT, 'tests/fixtures/stix2.1-schemas/schemas');

function bundleValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
  for (const folder of readdirSync(SCHEMAS)) {
    for (const file of readdirSync(join(SCHEMAS, folder))) ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, folder, file), 'utf8')));
  }
  return ajv.getSchema('http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/common/bundle.json')!;
}

describe('stixBundle(real content) against the official STIX 2.1 schemas', () => {
  const bundle = stixBundle(buildArchive(realContent()), { site: 'https://election-integrity-timeline.github.io', base: '/' });
  const validate = bundleValidator();

  it('validates as a bundle', () => {
    const valid = validate(bundle);
    expect(validate.errors?.slice(0, 5) ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a claim without its relationship type or with a malformed author id (the check has teeth)', () => {
    const broken = structuredClone(bundle);
    const claim = broken.objects.find((o) => o.relationship_type === 'attributed-to')!;
    delete claim.relationship_type;
    expect(validate(broken)).toBe(false);
    const badAuthor = structuredClone(bundle);
    badAuthor.objects.find((o) => o.relationship_type === 'attributed-to')!.created_by_ref = 'ODNI';
    expect(validate(badAuthor)).toBe(false);
  });
});
