import { main } from './main.js'

// `serve` keeps running after main resolves (its server holds the event loop); other commands exit.
const code = await main(process.argv)
if (code !== 0 || !process.argv.slice(2).includes('serve')) process.exitCode = code
