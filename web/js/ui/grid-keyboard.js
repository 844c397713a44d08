// @ts-check
// A cell cursor for a grid drawn on a canvas, for the keyboard: with the canvas focused the
// arrow keys move the cursor one cell (Shift: an eighth of the grid), Home / End jump to the
// row's ends, Enter or Space choose the cell (what a click on it does). Row 0 is the bottom
// row (y grows upwards, as on the map). The owner draws the cursor (see `cell`) and says what
// the cell holds through onMove.

/**
 * @param {HTMLElement} target the focusable element (tabindex 0)
 * @param {{ size: () => ({nx: number, ny: number} | null), onMove: (i: number, j: number) => void,
 *   onChoose: (i: number, j: number) => void }} handlers
 */
export function attachGridKeyboard(target, { size, onMove, onChoose }) {
  /** @type {{i: number, j: number} | null} */
  let cell = null;
  target.addEventListener('keydown', (e) => {
    const grid = size();
    if (!grid) return;
    const { nx, ny } = grid;
    const jump = e.shiftKey ? Math.max(1, Math.round(Math.max(nx, ny) / 8)) : 1;
    // The first key press shows the cursor at the middle of the grid.
    let { i, j } = cell && cell.i < nx && cell.j < ny ? cell : { i: Math.floor(nx / 2), j: Math.floor(ny / 2) };
    const fresh = !cell;
    switch (e.key) {
      case 'ArrowLeft': if (!fresh) i -= jump; break;
      case 'ArrowRight': if (!fresh) i += jump; break;
      case 'ArrowUp': if (!fresh) j += jump; break;
      case 'ArrowDown': if (!fresh) j -= jump; break;
      case 'Home': i = 0; break;
      case 'End': i = nx - 1; break;
      case 'Enter':
      case ' ':
        if (!cell) return;
        e.preventDefault();
        onChoose(cell.i, cell.j);
        return;
      default: return;
    }
    e.preventDefault();
    cell = { i: Math.max(0, Math.min(nx - 1, i)), j: Math.max(0, Math.min(ny - 1, j)) };
    onMove(cell.i, cell.j);
  });
  return {
    /** The cell under the keyboard cursor, or null before the first key. */
    get cell() { return cell; },
    clear() { cell = null; },
  };
}
