// The part of Milkdown that static/js/editor.js uses, bundled by build.mjs into one classic script
// that sets `window.TuyenvanMilkdown`. Add an export here before using a new name in editor.js.
export {
  Editor, rootCtx, defaultValueCtx, editorViewCtx, editorViewOptionsCtx, serializerCtx,
  remarkStringifyOptionsCtx,
} from '@milkdown/core';
export {
  commonmark, toggleStrongCommand, toggleEmphasisCommand, wrapInHeadingCommand, turnIntoTextCommand,
  wrapInBulletListCommand, wrapInOrderedListCommand, liftListItemCommand, wrapInBlockquoteCommand,
  insertHrCommand,
} from '@milkdown/preset-commonmark';
export {
  gfm, toggleStrikethroughCommand, insertTableCommand, addRowAfterCommand, addColAfterCommand,
} from '@milkdown/preset-gfm';
export { history, undoCommand, redoCommand } from '@milkdown/plugin-history';
export { clipboard } from '@milkdown/plugin-clipboard';
export { cursor } from '@milkdown/plugin-cursor';
export { callCommand, replaceAll, $prose, $remark } from '@milkdown/utils';
export { Plugin, PluginKey } from '@milkdown/prose/state';
export { lift } from '@milkdown/prose/commands';
