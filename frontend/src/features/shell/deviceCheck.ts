export type DeviceCheckResult =
  | { status: 'ok'; inputs: string[]; outputs: string[] }
  | { status: 'error'; reason: 'unsupported' | 'denied' | 'notFound' | 'failed' };

function reasonOf(error: unknown): 'denied' | 'notFound' | 'failed' {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'notFound';
  return 'failed';
}

/**
 * Asks for microphone access, releases it at once and lists the audio devices the browser
 * reports (their names are only visible after access was granted).
 */
export async function checkAudioDevices(
  media: MediaDevices | undefined = navigator.mediaDevices,
): Promise<DeviceCheckResult> {
  if (!media?.getUserMedia || !media.enumerateDevices) return { status: 'error', reason: 'unsupported' };
  try {
    const stream = await media.getUserMedia({ audio: true });
    stream.getTracks().forEach((track) => track.stop());
    const devices = await media.enumerateDevices();
    const labels = (kind: MediaDeviceKind) => devices.filter((d) => d.kind === kind).map((d) => d.label);
    return { status: 'ok', inputs: labels('audioinput'), outputs: labels('audiooutput') };
  } catch (error) {
    return { status: 'error', reason: reasonOf(error) };
  }
}
