import { describe, expect, it } from 'vitest';
import { benchDatabase, parseServerStart } from './bench-pg-server';

describe('the shared-records bench’s PostgreSQL server', () => {
  it('reads the address and folder pg-test-server.sh start prints, and nothing else', () => {
    const printed = 'CLINIC_TEST_PG_URL=postgres://postgres@127.0.0.1:40123/postgres\nCLINIC_TEST_PG_DIR=/tmp/clinic-pg-test.AbC123\n';
    expect(parseServerStart(printed)).toEqual({ url: 'postgres://postgres@127.0.0.1:40123/postgres', dir: '/tmp/clinic-pg-test.AbC123' });
    expect(parseServerStart(`waiting for server to start.... done\n${printed}`)).toEqual(parseServerStart(printed));
    expect(parseServerStart('CLINIC_TEST_PG_URL=postgres://postgres@127.0.0.1:40123/postgres\n')).toBeNull();
    expect(parseServerStart('')).toBeNull();
  });

  it('says why it cannot run when the server it is given does not answer, instead of failing', async () => {
    const result = await benchDatabase({ CLINIC_TEST_PG_URL: 'postgres://postgres@127.0.0.1:1/postgres' });
    expect(result).toEqual({ unavailable: expect.stringMatching(/could not be used \(.*ECONNREFUSED/) as unknown });
  });
});
