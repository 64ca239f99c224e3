// Moving a file's bytes without paths: a chosen or dropped file is read as base64 (sync.importData,
// ledger.importPreview), and a workbook's base64 (ledger.export, report.monthly) is saved through a
// Blob download, which works the same in Electron and in the browser harness.

/** Reads a File as base64 without blocking the window (FileReader works off the main thread). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error('无法读取所选文件，请重新选择'));
    reader.readAsDataURL(file);
  });
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Offers the bytes as a download named `name`. */
export function downloadBase64(name: string, base64: string): void {
  const blob = new Blob([base64ToBytes(base64)], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; it can go once this task is over.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
