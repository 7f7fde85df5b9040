// drop.js — files dragged onto the page: anywhere on it, with an overlay while
// files are over it.

/**
 * @param {HTMLElement} overlay  shown while files are dragged over the page
 * @param {(files: FileList) => void} onFiles  called with the dropped files
 */
export function wireDrop(overlay, onFiles) {
  let depth = 0;
  const hasFiles = (e) => [...(e.dataTransfer?.types || [])].includes('Files');
  document.addEventListener('dragenter', (e) => { if (!hasFiles(e)) return; e.preventDefault(); depth++; overlay.hidden = false; });
  document.addEventListener('dragleave', () => { depth = Math.max(0, depth - 1); if (!depth) overlay.hidden = true; });
  document.addEventListener('dragover', (e) => { if (hasFiles(e)) e.preventDefault(); });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    overlay.hidden = true;
    if (e.dataTransfer?.files?.length) onFiles(e.dataTransfer.files);
  });
}
