// The shapes main.bicep's parameters take, shared with its modules.

@export()
@description('An organisation that exchanges events over the bus, as Schuldketen__Bus__Partners__<n>__*.')
type busPartner = {
  @description('The partner\'s OIN, 20 digits.')
  @minLength(20)
  @maxLength(20)
  organisation: string

  @description('The role it sends as.')
  role: 'gemeente' | 'schuldhulpverlener' | 'schuldeiser' | 'rechtbank' | 'bewindvoerder' | 'huisarts' | 'signaalpartner'
}
