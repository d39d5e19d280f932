/** "30 seconds", "1 minute", "15 minutes": a wait as a person reads it, in whole minutes from one on. */
export function waitText(seconds: number): string {
	if (seconds < 60) return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`
	const minutes = Math.ceil(seconds / 60)
	return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`
}
