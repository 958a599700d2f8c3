// `npm run teams:package`: fills the Teams manifest from the environment (.env too), validates it offline
// and writes appPackage/build/action-recert-bot.zip for sideloading or the Teams admin centre.
import 'dotenv/config';
import { relative } from 'node:path';
import { buildTeamsPackage, TeamsPackageError } from '../src/channels/teams/appPackage';

buildTeamsPackage().then(
  ({ outFile, manifest, bytes }) => {
    process.stdout.write(
      `Teams app package: ${relative(process.cwd(), outFile)} (${bytes} bytes)\n` +
        `  app id ${manifest.id}, bot id ${manifest.bots[0].botId}, version ${manifest.version}, manifest ${manifest.manifestVersion}\n`,
    );
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof TeamsPackageError ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
