// ESLint's no-restricted-imports reads `import … from` and `export … from`, not `await import('sharp')`: this
// rule holds a dynamic import with a literal source to the same bans (the same options, the same regexes).
export const noRestrictedDynamicImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Apply the no-restricted-imports patterns to import() with a literal source.' },
    schema: [{ type: 'object', properties: { patterns: { type: 'array' } }, additionalProperties: false }],
  },
  create(context) {
    const bans = (context.options[0]?.patterns ?? []).map((ban) => ({
      matcher: new RegExp(ban.regex, ban.caseSensitive ? 'u' : 'iu'),
      message: ban.message,
    }));
    return {
      ImportExpression(node) {
        const { source } = node;
        // import('x') or import(`x`); a computed source cannot be checked here.
        const name =
          source.type === 'Literal' && typeof source.value === 'string'
            ? source.value
            : source.type === 'TemplateLiteral' && source.expressions.length === 0
              ? source.quasis[0].value.cooked
              : null;
        if (name === null) return;
        for (const ban of bans) {
          if (ban.matcher.test(name))
            context.report({
              node,
              message: `'${name}' is restricted from being imported, even dynamically. ${ban.message}`,
            });
        }
      },
    };
  },
};
