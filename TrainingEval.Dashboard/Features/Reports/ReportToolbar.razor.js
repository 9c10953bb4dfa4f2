// Browser half of ReportToolbar.razor: saves an export streamed from the server, and prints the page.

export async function download(fileName, contentType, streamReference) {
  const buffer = await streamReference.arrayBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the object URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function print() {
  window.print();
}
