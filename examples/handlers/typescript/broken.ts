export const handler = async (event: { name: string }) => {
  return { name: event.name ;
};
