import { describe, expect, it } from 'vitest';
import { describeValue, displayValue, isEditable, optionFieldsOf, storwizeRateText } from './option-fields';

const field = (model: string, name: string) => {
  const found = optionFieldsOf(model).find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`${model} has no option ${name}`);
  return found;
};

describe('option fields', () => {
  it('offers each service its options, none for an unknown model', () => {
    expect(optionFieldsOf('storwize').map((option) => option.name)).toEqual(['copyRate', 'cleanRate', 'grainSize', 'incremental', 'autoDelete']);
    expect(optionFieldsOf('ds6000').map((option) => option.label)).toEqual(['Mode', 'Persistent', 'Change recording']);
    expect(optionFieldsOf('constructor')).toEqual([]);
  });

  it('leaves editing after creation to the engine’s rule', () => {
    expect(
      optionFieldsOf('storwize')
        .filter((option) => isEditable('storwize', option))
        .map((option) => option.name),
    ).toEqual(['copyRate', 'cleanRate', 'autoDelete']);
    expect(isEditable('ds6000', field('ds6000', 'mode'))).toBe(false);
    expect(isEditable('xp7', field('xp7', 'pace'))).toBe(true);
  });

  it('says what a value buys, from the engine’s rate tables', () => {
    expect(describeValue(field('santricity', 'priority'), 'high')).toBe('128 MiB/s');
    expect(describeValue(field('storwize', 'grainSize'), 64)).toBe('less copied per small write, four times the bitmap');
    expect(describeValue(field('storwize', 'autoDelete'), 'yes')).toBeUndefined();
    expect(storwizeRateText(0)).toBe('no background copy');
    expect(storwizeRateText(151)).toBe('a whole number from 0 to 150');
    expect(displayValue(field('santricity', 'targetReadOnly'), true)).toBe('on');
  });
});
