// <descent-momentum>'s attributes (web/src/elements/attributes.js, hide.js, snippets.js), in Node.
import { describe, expect, it } from 'vitest';
import { decodeMomentumAttribute, momentumAttribute, momentumStateText } from '../../web/src/elements/attributes.js';
import { MOMENTUM_GROUPS, hideCss, parseHide } from '../../web/src/elements/hide.js';
import { elementSnippet } from '../../web/src/elements/snippets.js';
import { defaultMomentumState } from '../../web/src/momentum-state.js';

describe('<descent-momentum> attributes', () => {
  it('takes the m. fields of a page fragment, or its fields without the prefix', () => {
    expect(momentumStateText('#view=momentum&f=booth&m.lr=0.2')).toBe('m.lr=0.2');
    expect(momentumStateText('lr=0.2&mom=0.3')).toBe('m.lr=0.2&m.mom=0.3');
    expect(momentumStateText('view=momentum&lr=0.2')).toBe('m.lr=0.2');
    expect(decodeMomentumAttribute('lr=0.2&mom=0.3')).toEqual({ state: { ...defaultMomentumState(), lr: 0.2, momentum: 0.3 }, notice: null });
    expect(momentumAttribute({ ...defaultMomentumState(), beta: 20 })).toBe('m.beta=20');
  });

  it('gives the defaults and a notice that speaks of the attribute for bad input', () => {
    const { state, notice } = decodeMomentumAttribute('m.mom=7');
    expect(state).toEqual(defaultMomentumState());
    expect(notice).toMatch(/^The state attribute's momentum settings could not be used/);
  });

  it('hides its groups, with controls implied by the column\'s three parts', () => {
    expect(MOMENTUM_GROUPS.map((g) => g.name)).toEqual(['quadratic', 'sliders', 'rule', 'controls', 'contours', 'map', 'numbers', 'components', 'explanation']);
    expect(parseHide('quadratic, sliders, rule, bogus', 'momentum')).toEqual({ groups: ['quadratic', 'sliders', 'rule', 'controls'], unknown: 1 });
    expect(hideCss()).toContain('descent-momentum[data-hide~="map"] [data-group="map"] { display: none !important; }');
    expect(elementSnippet({ view: 'momentum', state: 'm.lr=0.2&m.mom=0.3', hide: 'rule', src: 'descent-elements.js' }))
      .toBe('<script src="descent-elements.js"></script>\n<descent-momentum state="m.lr=0.2&amp;m.mom=0.3" hide="rule"></descent-momentum>');
  });
});
