import { snakeCase, SnakeNamingStrategy } from 'src/database/snake-naming.strategy';

describe('SnakeNamingStrategy', () => {
  const strategy = new SnakeNamingStrategy();

  it.each([
    ['caseNumber', 'case_number'],
    ['HeartbeatEntity', 'heartbeat_entity'],
    ['processedAt', 'processed_at'],
    ['orgUnitID', 'org_unit_id'],
    ['already_snake', 'already_snake'],
  ])('snakeCase(%s) = %s', (input, expected) => {
    expect(snakeCase(input)).toBe(expected);
  });

  it('names tables and columns in snake_case, keeping explicit names', () => {
    expect(strategy.tableName('CaseEvent', undefined)).toBe('case_event');
    expect(strategy.tableName('CaseEvent', 'case_events')).toBe('case_events');
    expect(strategy.columnName('receivedAt', undefined, [])).toBe('received_at');
    expect(strategy.columnName('amount', undefined, ['claim'])).toBe('claim_amount');
    expect(strategy.joinColumnName('orgUnit', 'id')).toBe('org_unit_id');
  });
});
