// The demo: the hub with the demo organisations of the embedded default (functions/Schuldketen.Functions/Demo), its
// demo data and logins on. Not for real residents. The database password comes from the environment, never this file:
//   export SCHULDKETEN_POSTGRES_PASSWORD="$(openssl rand -base64 24 | tr -d '/+=')"
using 'main.bicep'

param environmentName = 'demo'

param hubOin = '00000001000000000000'

param demoData = true

param busPartners = [
  { organisation: '00000001001234567000', role: 'gemeente' } // Gemeente Voorbeeldstad
  { organisation: '00000001009876543000', role: 'schuldhulpverlener' } // Kredietbank Voorbeeldstad
  { organisation: '00000001005555555000', role: 'schuldeiser' } // Woonstichting Thuis
  { organisation: '00000001006666666000', role: 'schuldeiser' } // Energie Noord
  { organisation: '00000001001111111000', role: 'rechtbank' } // Rechtbank Midden-Nederland
  { organisation: '00000001002222222000', role: 'bewindvoerder' } // Bewindvoering Zorgvuldig
]

param postgresAdministratorPassword = readEnvironmentVariable('SCHULDKETEN_POSTGRES_PASSWORD')

// Who may set the hub's keys in the vault once: export SCHULDKETEN_OPERATOR_ID="$(az ad signed-in-user show --query id -o tsv)"
param operatorPrincipalId = readEnvironmentVariable('SCHULDKETEN_OPERATOR_ID', '')

param webAppInstances = 1

param tags = {
  omgeving: 'demo'
  toepassing: 'schuldketen'
}
