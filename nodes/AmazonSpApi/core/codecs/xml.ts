/**
 * Minimal XML writer and parser for Amazon's order feeds and ProcessingReport documents.
 * The parser is deliberately small and safe: no DTDs, no external or custom entities, bounded depth.
 */

// Everything outside the XML 1.0 Char production; lone surrogates fall out of the ranges in `u` mode.
const INVALID_XML_CHARS = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const NAME_PATTERN = /^[A-Za-z_][\w.:-]*$/;
const MAX_DEPTH = 256;

export type XmlValue = string | number | boolean;
export type XmlChild = XmlElement | XmlValue | undefined | null;

export interface XmlElement {
	name: string;
	attributes?: Record<string, XmlValue | undefined>;
	children: XmlChild[];
}

export interface XmlNode {
	name: string;
	attributes: Record<string, string>;
	children: XmlNode[];
	/** Concatenated text and CDATA directly inside this element (untrimmed). */
	text: string;
}

export class XmlParseError extends Error {
	constructor(
		message: string,
		readonly position: number,
	) {
		super(`Invalid XML at offset ${position}: ${message}`);
		this.name = 'XmlParseError';
	}
}

export function stripInvalidXmlChars(value: string): string {
	return value.replace(INVALID_XML_CHARS, '');
}

export function escapeXmlText(value: string): string {
	return stripInvalidXmlChars(value)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/\r/g, '&#13;');
}

export function escapeXmlAttribute(value: string): string {
	return escapeXmlText(value)
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;')
		.replace(/\t/g, '&#9;')
		.replace(/\n/g, '&#10;');
}

/** Element factory: `el('Item', el('AmazonOrderItemCode', code), quantity && el('Quantity', quantity))`. */
export function el(name: string, ...children: Array<XmlChild | XmlChild[]>): XmlElement {
	return { name, children: children.flat() };
}

/** Element only when the value is present (not undefined, null or an empty string). */
export function optionalEl(name: string, value: XmlValue | undefined | null): XmlElement | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return el(name, value);
}

function assertName(name: string): void {
	if (!NAME_PATTERN.test(name)) throw new Error(`Invalid XML name: ${JSON.stringify(name)}`);
}

function serializeAttributes(attributes: XmlElement['attributes']): string {
	if (!attributes) return '';
	return Object.entries(attributes)
		.filter((entry): entry is [string, XmlValue] => entry[1] !== undefined)
		.map(([name, value]) => {
			assertName(name);
			return ` ${name}="${escapeXmlAttribute(String(value))}"`;
		})
		.join('');
}

function serializeElement(element: XmlElement, indent: string, depth: number, out: string[]): void {
	assertName(element.name);
	const pad = indent.repeat(depth);
	const open = `<${element.name}${serializeAttributes(element.attributes)}`;
	const children = element.children.filter(
		(child): child is XmlElement | XmlValue => child !== undefined && child !== null,
	);
	if (children.length === 0) {
		out.push(`${pad}${open}/>`);
		return;
	}
	if (children.every((child) => typeof child !== 'object')) {
		out.push(`${pad}${open}>${escapeXmlText(children.join(''))}</${element.name}>`);
		return;
	}
	out.push(`${pad}${open}>`);
	for (const child of children) {
		if (typeof child === 'object') serializeElement(child, indent, depth + 1, out);
		else out.push(`${pad}${indent}${escapeXmlText(String(child))}`);
	}
	out.push(`${pad}</${element.name}>`);
}

/** Serialises an element tree as a UTF-8 XML document, one element per line, indented with two spaces. */
export function serializeXml(root: XmlElement, options: { declaration?: boolean; indent?: string } = {}): string {
	const lines: string[] = [];
	if (options.declaration !== false) lines.push('<?xml version="1.0" encoding="UTF-8"?>');
	serializeElement(root, options.indent ?? '  ', 0, lines);
	return lines.join('\n') + '\n';
}

const PREDEFINED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(raw: string, position: number): string {
	return raw.replace(/&([^;&\s]*);?/g, (match, entity: string) => {
		if (!match.endsWith(';')) throw new XmlParseError(`unterminated entity "${match}"`, position);
		if (entity in PREDEFINED_ENTITIES) return PREDEFINED_ENTITIES[entity];
		const numeric = /^#x([0-9a-f]+)$/i.exec(entity) ?? /^#([0-9]+)$/.exec(entity);
		if (!numeric) throw new XmlParseError(`unknown entity "${match}"`, position);
		const codePoint = parseInt(numeric[1], entity[1] === 'x' || entity[1] === 'X' ? 16 : 10);
		if (codePoint > 0x10ffff) throw new XmlParseError(`invalid character reference "${match}"`, position);
		return String.fromCodePoint(codePoint);
	});
}

const ATTRIBUTE_PATTERN = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gy;

function parseAttributes(source: string, position: number): Record<string, string> {
	const attributes: Record<string, string> = {};
	const trimmed = source.trim();
	ATTRIBUTE_PATTERN.lastIndex = 0;
	let index = 0;
	while (index < trimmed.length) {
		ATTRIBUTE_PATTERN.lastIndex = index;
		const match = ATTRIBUTE_PATTERN.exec(trimmed);
		if (!match) throw new XmlParseError(`malformed attributes "${trimmed}"`, position);
		if (match[1] in attributes) throw new XmlParseError(`duplicate attribute "${match[1]}"`, position);
		attributes[match[1]] = decodeEntities(match[2] ?? match[3], position);
		index = ATTRIBUTE_PATTERN.lastIndex;
		while (index < trimmed.length && /\s/.test(trimmed[index])) index++;
	}
	return attributes;
}

/** Index after the `>` closing a start tag; `>` inside quoted attribute values does not count. */
function tagEnd(source: string, from: number): number {
	let quote = '';
	for (let index = from; index < source.length; index++) {
		const char = source[index];
		if (quote) {
			if (char === quote) quote = '';
		} else if (char === '"' || char === "'") {
			quote = char;
		} else if (char === '>') {
			return index + 1;
		}
	}
	throw new XmlParseError('unterminated tag', from);
}

function indexAfter(source: string, terminator: string, from: number, what: string): number {
	const end = source.indexOf(terminator, from);
	if (end < 0) throw new XmlParseError(`unterminated ${what}`, from);
	return end + terminator.length;
}

/** Parses a document and returns its root element. Rejects DOCTYPE declarations. */
export function parseXml(source: string): XmlNode {
	const document: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
	const stack: XmlNode[] = [document];
	let position = source.charCodeAt(0) === 0xfeff ? 1 : 0;

	while (position < source.length) {
		const current = stack[stack.length - 1];
		const tagStart = source.indexOf('<', position);
		const textEnd = tagStart < 0 ? source.length : tagStart;
		if (textEnd > position) {
			const text = decodeEntities(source.slice(position, textEnd), position);
			if (current === document && text.trim()) throw new XmlParseError('text outside the root element', position);
			current.text += text;
			position = textEnd;
			continue;
		}
		if (source.startsWith('<!--', position)) {
			position = indexAfter(source, '-->', position + 4, 'comment');
		} else if (source.startsWith('<![CDATA[', position)) {
			const end = indexAfter(source, ']]>', position + 9, 'CDATA section');
			current.text += source.slice(position + 9, end - 3);
			position = end;
		} else if (source.startsWith('<?', position)) {
			position = indexAfter(source, '?>', position + 2, 'processing instruction');
		} else if (source.startsWith('<!', position)) {
			throw new XmlParseError('DOCTYPE and other declarations are not supported', position);
		} else if (source.startsWith('</', position)) {
			const end = indexAfter(source, '>', position, 'closing tag');
			const name = source.slice(position + 2, end - 1).trim();
			if (stack.length === 1 || name !== current.name) {
				throw new XmlParseError(`unexpected closing tag </${name}>`, position);
			}
			stack.pop();
			position = end;
		} else {
			const end = tagEnd(source, position);
			const selfClosing = source[end - 2] === '/';
			const body = source.slice(position + 1, selfClosing ? end - 2 : end - 1);
			const name = /^[^\s/>]+/.exec(body)?.[0] ?? '';
			if (!NAME_PATTERN.test(name)) throw new XmlParseError(`invalid element name "${name}"`, position);
			if (current === document && document.children.length > 0) {
				throw new XmlParseError('more than one root element', position);
			}
			if (stack.length > MAX_DEPTH) throw new XmlParseError('document nested too deeply', position);
			const node: XmlNode = { name, attributes: parseAttributes(body.slice(name.length), position), children: [], text: '' };
			current.children.push(node);
			if (!selfClosing) stack.push(node);
			position = end;
		}
	}
	if (stack.length > 1) throw new XmlParseError(`unclosed element <${stack[stack.length - 1].name}>`, position);
	if (document.children.length === 0) throw new XmlParseError('no root element', position);
	return document.children[0];
}

/** Element name without its namespace prefix. */
export function localName(name: string): string {
	const colon = name.indexOf(':');
	return colon < 0 ? name : name.slice(colon + 1);
}

export function childElements(node: XmlNode | undefined, name: string): XmlNode[] {
	return node ? node.children.filter((child) => localName(child.name) === name) : [];
}

export function childElement(node: XmlNode | undefined, name: string): XmlNode | undefined {
	return node?.children.find((child) => localName(child.name) === name);
}

/** Trimmed text of the first child with that name, or undefined when absent. */
export function childText(node: XmlNode | undefined, name: string): string | undefined {
	return childElement(node, name)?.text.trim();
}

/** Depth-first search for the first element with that local name (the node itself included). */
export function findElement(node: XmlNode, name: string): XmlNode | undefined {
	if (localName(node.name) === name) return node;
	for (const child of node.children) {
		const found = findElement(child, name);
		if (found) return found;
	}
	return undefined;
}
