/** A one-line progress bar on stderr (redrawn in place on a TTY, a final line otherwise). */
export function createProgressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let last = -1;
  return {
    update(done: number, total: number): void {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (percent === last) return;
      last = percent;
      if (!stream.isTTY) {
        if (done === total) stream.write(`${label}: ${total}/${total}\n`);
        return;
      }
      const width = 30;
      const filled = Math.round((percent / 100) * width);
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% (${done}/${total})`,
      );
      if (done === total) stream.write('\n');
    },
  };
}
