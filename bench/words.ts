// Real English words, so that labels and text properties give full-text search real tokens to index.
export const words = `
amber anchor apple arch arrow atlas autumn badge bakery balance bamboo banner barley basin beacon
bear bell birch bishop blossom bluff boat bolt bramble bread breeze brick bridge brook buffalo
cabin cactus canal candle canyon captain carbon cargo castle cedar cellar chalk channel chapel
cherry chestnut cinder circuit citadel clay cliff clock cloud clover coast cobalt comet compass
copper coral cotton crane crater creek crown crystal current cypress dawn delta desert diamond
dove dragon drift dune eagle echo ember engine estuary falcon feather fern ferry field fjord
flame flint forest forge fountain fox frost galaxy garden garnet geyser glacier glade granite
grove gull harbor harvest hawk hazel heath heron hill hollow honey horizon hornet island ivory
jade jasmine juniper kernel kettle lagoon lantern larch lark lattice lava ledger lemon lichen
lighthouse lily linden lotus lynx magnet maple marble marsh meadow mercury mesa meteor mill
mint mirror mist moss mountain nectar needle nickel north oak oasis ocean olive onyx orbit
orchard osprey otter owl paper pebble pepper pine planet plateau plum pond poplar prairie prism
quarry quartz quill rain raven reef ridge river robin rose ruby saddle saffron sage salmon
sand sapphire satellite shadow shore signal silver slate sparrow spring spruce star stone
storm summit swan tide timber topaz tower trail tulip tundra valley velvet violet volcano
walnut willow wind winter wolf wren yarrow zephyr zinc
`
  .trim()
  .split(/\s+/)
