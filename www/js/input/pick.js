// pick.js — files chosen with the page's file picker.

/**
 * @param {HTMLInputElement} fileInput  an <input type="file">
 * @param {(files: FileList) => void} onFiles  called with the chosen files
 */
export function wirePick(fileInput, onFiles) {
  // The input is emptied so that choosing the same file again checks it again.
  fileInput.addEventListener('change', () => { onFiles(fileInput.files); fileInput.value = ''; });
}
