import {
	childElements,
	childText,
	el,
	escapeXmlAttribute,
	escapeXmlText,
	parseXml,
	serializeXml,
	stripInvalidXmlChars,
	XmlParseError,
} from '../../../nodes/AmazonSpApi/core/codecs/xml';

describe('XML writer', () => {
	it('escapes markup characters in text and attributes', () => {
		expect(escapeXmlText(`<&"'>`)).toBe(`&lt;&amp;"'&gt;`);
		expect(escapeXmlAttribute(`<&"'>`)).toBe('&lt;&amp;&quot;&apos;&gt;');
		expect(escapeXmlAttribute('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
	});

	it('strips characters XML 1.0 does not allow', () => {
		expect(stripInvalidXmlChars('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFF\uD800g')).toBe('abcdefg');
		expect(stripInvalidXmlChars('tab\tnl\ncr\r 😀 é')).toBe('tab\tnl\ncr\r 😀 é');
	});

	it('never lets hostile input break out of an element or attribute', () => {
		const hostile = `</Name><Injected a="1"/>]]>&amp;\u0001"'`;
		const xml = serializeXml({ ...el('Root', el('Name', hostile)), attributes: { note: hostile } });
		const root = parseXml(xml);
		expect(root.children).toHaveLength(1);
		expect(root.attributes.note).toBe(hostile.replace('\u0001', ''));
		expect(childText(root, 'Name')).toBe(hostile.replace('\u0001', ''));
	});

	it('skips undefined children, renders empty elements self-closed and nests with indentation', () => {
		const xml = serializeXml(el('A', el('B', 1), undefined, el('C'), el('D', el('E', true))), { declaration: false });
		expect(xml).toBe('<A>\n  <B>1</B>\n  <C/>\n  <D>\n    <E>true</E>\n  </D>\n</A>\n');
	});

	it('rejects invalid element names', () => {
		expect(() => serializeXml(el('bad name'))).toThrow('Invalid XML name');
	});
});

describe('XML parser', () => {
	it('reads elements, attributes, entities, character references and CDATA', () => {
		const root = parseXml(
			'\uFEFF<?xml version="1.0"?>\n<!-- c --><r xmlns:x="u" a=\'1 &gt; 0\' b="x>y">' +
				'<x:item id="1">A &amp; B &#x20AC;&#8364;</x:item><item><![CDATA[<raw & text>]]></item><empty/></r>',
		);
		expect(root.name).toBe('r');
		expect(root.attributes).toEqual({ 'xmlns:x': 'u', a: '1 > 0', b: 'x>y' });
		const items = childElements(root, 'item');
		expect(items.map((item) => item.text)).toEqual(['A & B €€', '<raw & text>']);
		expect(items[0].attributes.id).toBe('1');
		expect(childText(root, 'empty')).toBe('');
	});

	it.each([
		['<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>', 'DOCTYPE'],
		['<r>&x;</r>', 'unknown entity'],
		['<r>a & b</r>', 'unterminated entity'],
		['<r><a></r>', 'unexpected closing tag'],
		['<r>', 'unclosed element'],
		['<r/><s/>', 'more than one root'],
		['text', 'text outside the root'],
		['', 'no root element'],
		['<r a="1" a="2"/>', 'duplicate attribute'],
	])('rejects %s', (source, message) => {
		expect(() => parseXml(source)).toThrow(XmlParseError);
		expect(() => parseXml(source)).toThrow(message);
	});

	it('refuses absurdly deep nesting', () => {
		expect(() => parseXml('<a>'.repeat(1000) + '</a>'.repeat(1000))).toThrow('nested too deeply');
	});
});
