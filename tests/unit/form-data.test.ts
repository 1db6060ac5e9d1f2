import { describe, expect, it } from 'vitest';
import { formFieldLists, formFields, formFile, formValue, formValues } from '@/lib/form-data';

const form = () => {
  const f = new FormData();
  f.append('name', 'Silk Road');
  f.append('regime', 'IM40');
  f.append('regime', 'EK10');
  f.append('file', new File([new Uint8Array([1, 2, 3])], 'a.pdf'));
  return f;
};

describe('reading a submitted form', () => {
  it('reads text fields, repeated ones and files', () => {
    expect(formFields(form())).toEqual({ name: 'Silk Road', regime: 'EK10' });
    expect(formFieldLists(form())).toEqual({ name: 'Silk Road', regime: ['IM40', 'EK10'] });
    expect(formValue(form(), 'name')).toBe('Silk Road');
    expect(formValue(form(), 'file')).toBeUndefined();
    expect(formValues(form(), 'regime')).toEqual(['IM40', 'EK10']);
    expect(formFile(form(), 'file')?.size).toBe(3);
    expect(formFile(form(), 'name')).toBeNull();
  });
  it.each([
    ['a string', 'x'],
    ['a number', 1],
    ['null', null],
    ['an object', { entries: 1, get: 2 }],
    ['an array', [['name', 'x']]],
  ])('a forged call with %s in the form’s place reads as an empty form, never throws', (_kind, notAForm) => {
    expect(formFields(notAForm)).toEqual({});
    expect(formFieldLists(notAForm)).toEqual({});
    expect(formValue(notAForm, 'name')).toBeUndefined();
    expect(formValues(notAForm, 'regime')).toEqual([]);
    expect(formFile(notAForm, 'file')).toBeNull();
  });
});
