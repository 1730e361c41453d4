// Records the size of each uploaded object; a real service would write a thumbnail.
export const handler = async (event) => {
  const sizes = event.Records.map((record) => ({ key: record.s3.object.key, size: record.s3.object.size }));
  console.log(JSON.stringify(sizes));
  return sizes;
};
